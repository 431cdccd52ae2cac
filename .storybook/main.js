// Storybook 10 for web components on Vite. Works offline: telemetry is off and
// nothing is fetched at build time. Stories use the built core (dist/) so the
// CommonJS reference engine never reaches the browser.
/** @type {import('@storybook/web-components-vite').StorybookConfig} */
const config = {
  stories: ['../stories/**/*.stories.@(ts|js)'],
  addons: ['@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: {},
};
export default config;

// Generates packages/components/custom-elements.json from the components' TSDoc
// (@fires, @csspart, @cssprop, @slot), read by Storybook's autodocs and IDEs.
export default {
  globs: ['packages/components/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/define/**'],
  outdir: 'packages/components',
  litelement: true,
  packagejson: false,
};

import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/components/custom-elements.json' with { type: 'json' };

// Autodocs read attributes, properties, events, slots, parts and --sip-* properties from here.
setCustomElementsManifest(manifest);

/** @type {import('@storybook/web-components-vite').Preview} */
const preview = {
  tags: ['autodocs'],
  parameters: {
    // Any axe violation fails the story's test (and the story test suite).
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};
export default preview;

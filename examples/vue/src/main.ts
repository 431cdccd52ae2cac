import { createApp } from 'vue';
// Register the elements once, before mounting. `all.js` defines every sip-kit
// element; import only the ones you use, e.g. '@sip-kit/components/define/sip-plan-editor.js'.
import '@sip-kit/components/define/all.js';
import App from './App.vue';

createApp(App).mount('#app');

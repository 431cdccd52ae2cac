import { createApp } from 'vue';
// Register the elements you use once, before mounting
// ('@sip-kit/components/define/all.js' registers every sip-kit element).
import '@sip-kit/components/define/sip-context.js';
import '@sip-kit/components/define/sip-status-badge.js';
import '@sip-kit/components/define/sip-plan-editor.js';
import App from './App.vue';

createApp(App).mount('#app');

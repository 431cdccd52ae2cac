import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
// Register the elements once, before bootstrapping. `all.js` defines every
// sip-kit element; import only the ones you use, e.g. '@sip-kit/components/define/sip-plan-editor.js'.
import '@sip-kit/components/define/all.js';
import { AppComponent } from './app.component.js';

bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => console.error(error));

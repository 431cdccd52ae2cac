import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
// Register the elements you use once, before bootstrapping
// ('@sip-kit/components/define/all.js' registers every sip-kit element).
import '@sip-kit/components/define/sip-context.js';
import '@sip-kit/components/define/sip-status-badge.js';
import '@sip-kit/components/define/sip-plan-editor.js';
import { AppComponent } from './app.component.js';

bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => console.error(error));

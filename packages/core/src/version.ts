/** The version of the `@sip-kit/core` package, for diagnostics and the CLI's `--version`. */
export const SIP_KIT_VERSION = '0.1.0';

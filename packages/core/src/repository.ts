/** Plan repositories: where plans are loaded from and saved to. */
export {};

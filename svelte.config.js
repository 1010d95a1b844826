// Svelte compiler settings shared by the build (vite-plugin-svelte) and svelte-check.
export default {
  compilerOptions: { runes: true },
};

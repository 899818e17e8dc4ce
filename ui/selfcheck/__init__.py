"""The window's self-check steps (`steps`, `window`): every view and editor built and rendered,
with the sample values they are opened with (`editor_samples`)."""

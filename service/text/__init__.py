"""Text stage: script and language detection, sentence splitting, normalisation for matching."""

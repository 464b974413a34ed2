"""Align stage: sentence features, candidate pairs from a shingle index, rapidfuzz scores, N-way fact clusters."""

"""Benchmarks: speed, accuracy and memory of the speech pipeline on real clips, offline.

Run them as modules: ``python -m bench.asr`` and ``python -m bench.memory``.
"""

__all__: list[str] = []

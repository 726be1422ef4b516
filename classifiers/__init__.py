"""Classifiers: text plus metadata in, labels out. Pure functions over data, no I/O at call time.

The gazetteers and phrase lists are data files under ``classifiers/data``.
"""

"""The language layer: one reader per concept of the Vietnamese these documents are written in.

Pure functions over strings, with the words they know kept as data (``vnplan/data``). Every
stage sits above this layer and reads the language through it; nothing here imports a stage.
"""

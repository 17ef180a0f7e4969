"""Adapters: the MkDocs plugin and the command line, both thin shells around the pipeline."""

"""Curation: new articles stored as sources, drafted into fact files, reviewed and accepted."""

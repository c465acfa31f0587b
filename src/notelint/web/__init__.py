"""The local page for writers (`notelint serve`): a standard-library HTTP server, the
lint endpoint it calls, and the page's assets (shipped in the package, nothing fetched).

Imported only by the `serve` command, so `notelint check` starts no slower for it.
"""

"""The language server (`notelint lsp`): a thin pygls server and pure conversions."""

"""Banks and articles: model, article parser, strict YAML loader, cache, dump, catalog, curation."""

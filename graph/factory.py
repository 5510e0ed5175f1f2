"""Open a store by where it is: the one module that knows both implementations, and that neither imports."""

from graph.store import DEFAULT_LIMITS, Limits, Store


def open_store(location: str | None, limits: Limits = DEFAULT_LIMITS, *, update_endpoint: str | None = None,
               graph_store_endpoint: str | None = None, auth: str | None = None, query_workers: bool = True) -> Store:
    """Open the store at ``location``: an ``http(s)://`` SPARQL query endpoint, a directory, or None for
    a store in memory. The endpoints and ``auth`` (``user:password`` or a bearer token) are a remote
    store's; by default they follow the Oxigraph server's layout. ``query_workers`` is the embedded
    store's (see ``EmbeddedStore``).

    >>> open_store(None).graphs()
    []
    """
    store: Store
    if location and location.startswith(("http://", "https://")):  # each imported when chosen: a command
        from graph.remote import RemoteStore  # that reads a local store never loads SPARQL's grammar

        store = RemoteStore(location, limits, update_endpoint=update_endpoint,
                            graph_store_endpoint=graph_store_endpoint, auth=auth)
    else:
        from graph.embedded import EmbeddedStore

        store = EmbeddedStore(location, limits, query_workers=query_workers)
    store.stamp_if_new()
    return store

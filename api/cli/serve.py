"""``veikart serve``: the REST API, the SPARQL endpoint and the web client under uvicorn."""

import argparse

from api.cli import USAGE, Failure
from api.serve import serve


def run(args: argparse.Namespace) -> int:
    if args.workers > 1 and not args.store.startswith(("http://", "https://")):
        raise Failure("an embedded store is open in one process only; serve it with --workers 1, "
                      "or use a remote store for several workers", USAGE)
    serve(args.settings.model_copy(update={"store": args.store}), host=args.host, port=args.port,
          workers=args.workers)
    return 0

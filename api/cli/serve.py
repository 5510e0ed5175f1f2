"""``veikart serve``: the REST API, the SPARQL endpoint and the web client under uvicorn."""

import argparse
import os

import uvicorn

from api.cli import USAGE, Failure
from api.main import create_app


def run(args: argparse.Namespace) -> int:
    if args.workers == 1:
        uvicorn.run(create_app(args.settings.model_copy(update={"store": args.store})), host=args.host, port=args.port)
        return 0
    if not args.store.startswith(("http://", "https://")):
        raise Failure("an embedded store is open in one process only; serve it with --workers 1, "
                      "or use a remote store for several workers", USAGE)
    os.environ["VEIKART_STORE"] = args.store  # each worker builds its app from the environment
    uvicorn.run("api.main:create_app", factory=True, host=args.host, port=args.port, workers=args.workers)
    return 0

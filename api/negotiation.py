"""Content negotiation for every route whose answer depends on ``Accept``: one choice, one Vary header.

The choice is ``graph.io.negotiate`` (werkzeug's Accept parser), the same function the store uses
to serialise query results. When the client accepts none of the media types offered it raises
NotAcceptable, which ``api.errors`` answers with 406 and the list of what is offered.
"""

from fastapi import Request, Response

from graph.io import negotiate

VARY = {"Vary": "Accept"}


def preferred(request: Request, offered: list[str]) -> str:
    """Return the media type of ``offered`` the request accepts best, the first when it accepts any;
    raise NotAcceptable when it accepts none."""
    return negotiate(request.headers.get("accept"), offered)


def negotiated(response: Response) -> Response:
    """Mark ``response`` as one of several representations chosen by ``Accept``, for caches."""
    response.headers.add_vary_header("Accept")
    return response

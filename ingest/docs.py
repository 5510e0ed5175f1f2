"""Reading a Doc cheaply: its text once, its sentences from one array.

``Doc.text`` joins, and ``Doc.sents`` reads, a Token object made for every token each time they are read; on a
long document that costs more than the rules that read them.
"""

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span

_TEXT = "vk_text"  # the key of the text in ``Doc.user_data``


def remember_text(doc: Doc, text: str) -> Doc:
    """Keep ``text``, which ``doc`` was made from, as its text for :func:`text_of`."""
    doc.user_data[_TEXT] = text
    return doc


def text_of(doc: Doc) -> str:
    """Return the text of ``doc``, joined from its tokens only if it was not kept when the Doc was made.

    >>> from spacy.lang.nb import Norwegian
    >>> text_of(Norwegian()("To ord.")), text_of(remember_text(Norwegian().make_doc("To ord."), "To ord."))
    ('To ord.', 'To ord.')
    """
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def span_text(span: Span) -> str:
    """Return the text of ``span``, cut from its Doc's kept text rather than joined from its tokens."""
    return text_of(span.doc)[span.start_char:span.end_char]


def sentences(doc: Doc) -> list[Span]:
    """Return the sentences of ``doc`` (whose sentence starts are set), as ``Doc.sents`` would.

    >>> from spacy.lang.nb import Norwegian
    >>> nlp = Norwegian()
    >>> _ = nlp.add_pipe("sentencizer")
    >>> [s.text for s in sentences(nlp("Først dette. Så dette."))]
    ['Først dette.', 'Så dette.']
    """
    if not len(doc):
        return []
    starts = numpy.flatnonzero(doc.to_array([SENT_START]).view("int64") == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return [doc[start:end] for start, end in zip(starts, [*starts[1:], len(doc)], strict=True)]

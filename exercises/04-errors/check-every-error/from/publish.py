"""Publish a blog post: render the draft, store the post, index it, delete the draft.

One try block: the first step that raises stops the rest; the except adds the slug.
Run: python3 publish.py
"""
import html


class NotFound(Exception):
    pass


class PublishError(Exception):
    pass


class MemoryStore:
    def __init__(self, docs):
        self.docs = dict(docs)

    def get(self, key):
        try:
            return self.docs[key]
        except KeyError:
            raise NotFound(f"get {key}: not found") from None

    def put(self, key, data):
        self.docs[key] = data

    def delete(self, key):
        del self.docs[key]


def render(draft):
    first, _, body = draft.partition("\n")
    title = first.removeprefix("#").strip()
    if not title:
        raise ValueError("draft has no title")
    return f"<h1>{html.escape(title)}</h1>\n{html.escape(body)}"


def read_index(store):
    try:
        return store.get("index.html")
    except NotFound:
        return ""  # no index yet: start one


def publish(store, slug):
    try:
        page = render(store.get(f"drafts/{slug}"))
        store.put(f"posts/{slug}.html", page)
        index = read_index(store)
        store.put("index.html", f'{index}<li><a href="posts/{slug}.html">{slug}</a></li>\n')
        store.delete(f"drafts/{slug}")
    except Exception as e:
        raise PublishError(f"publish {slug}") from e


if __name__ == "__main__":
    store = MemoryStore({"drafts/hello": "# Hello, Go\nErrors are values."})
    publish(store, "hello")
    print(list(store.docs))  # ['posts/hello.html', 'index.html']
    try:
        publish(store, "missing")
    except PublishError as e:
        print(f"{e}: {e.__cause__}")  # publish missing: get drafts/missing: not found

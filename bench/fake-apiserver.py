#!/usr/bin/env python3
"""A minimal stand-in for a Kubernetes API server, for timing gwctl's cluster mode.

Serves the objects of the YAML files given (multi-document) as the API server lists them: GET
/api/v1/{plural}, /api/v1/namespaces/{ns}/{plural}[/{name}], /apis/{group}/{version}/... with `limit` and
`continue` pagination. Everything else answers 404 with a Status. Each request is logged to stderr with the
time since the server started, so a bench can tell when gwctl's first request arrived.

Usage: fake-apiserver.py PORT FILE_OR_DIR... ; prints "ready" on stdout when listening.
"""
import json, os, sys, time, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import yaml

START = time.time()
PLURALS = {"Gateway": "gateways", "VirtualService": "virtualservices", "DestinationRule": "destinationrules",
           "Service": "services", "Pod": "pods", "Deployment": "deployments", "Secret": "secrets",
           "Namespace": "namespaces", "ReplicaSet": "replicasets"}
objects = {}  # (group/version or "v1", plural) -> list of objects


def api_prefix(api_version):
    return "/api/v1" if api_version == "v1" else "/apis/" + api_version


def load(path):
    paths = []
    if os.path.isdir(path):
        for root, _, files in os.walk(path):
            paths += [os.path.join(root, f) for f in files if f.endswith((".yaml", ".yml"))]
    else:
        paths.append(path)
    for p in sorted(paths):
        with open(p) as f:
            for doc in yaml.safe_load_all(f):
                if not isinstance(doc, dict) or doc.get("kind") not in PLURALS:
                    continue
                doc.setdefault("metadata", {})
                if doc["kind"] != "Namespace":
                    doc["metadata"].setdefault("namespace", "default")
                key = (api_prefix(doc.get("apiVersion", "v1")), PLURALS[doc["kind"]])
                objects.setdefault(key, []).append(doc)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        sys.stderr.write("%.3f %s\n" % (time.time() - START, self.path))

    def send(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def not_found(self):
        self.send(404, {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "NotFound",
                        "message": "the server could not find the requested resource", "code": 404})

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        query = urllib.parse.parse_qs(url.query)
        parts = url.path.strip("/").split("/")
        prefix_len = 2 if parts[0] == "api" else 3
        prefix = "/" + "/".join(parts[:prefix_len])
        rest = parts[prefix_len:]
        ns = name = None
        if len(rest) >= 2 and rest[0] == "namespaces" and len(rest) != 2 or (len(rest) == 3):
            ns, rest = rest[1], rest[2:]
        if not rest:
            return self.not_found()
        plural = rest[0]
        if len(rest) == 2:
            name = rest[1]
        key = (prefix, plural)
        if key not in objects and plural not in PLURALS.values():
            return self.not_found()
        items = [o for o in objects.get(key, []) if ns is None or o["metadata"].get("namespace") == ns]
        if name is not None:
            for o in items:
                if o["metadata"]["name"] == name:
                    return self.send(200, o)
            return self.send(404, {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "NotFound",
                                   "message": '%s "%s" not found' % (plural, name), "code": 404})
        start = int(query.get("continue", ["0"])[0] or 0)
        limit = int(query.get("limit", ["0"])[0] or 0) or len(items)
        page = items[start:start + limit]
        meta = {"resourceVersion": "1"}
        if start + limit < len(items):
            meta["continue"] = str(start + limit)
        self.send(200, {"kind": "List", "apiVersion": "v1", "metadata": meta, "items": page})


def main():
    port = int(sys.argv[1])
    for p in sys.argv[2:]:
        load(p)
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()

"""What a report page may load and run, said in the page itself (a Content Security Policy).

A report is one self-contained HTML file that people pass around and open in a browser: its
text comes from scenario files, options files and results folders that someone else may
have written. Every such text is escaped where it is put in the page; this policy is the
second wall, should one ever be missed. It allows the page's own inline styles and its
images embedded as ``data:`` URIs, and nothing else: no script runs, nothing is fetched from
the network (no tracking image, no font, no style sheet from elsewhere), no form is sent and
no ``<base>`` redirects the page's links.
"""

from __future__ import annotations

#: the policy: inline styles and embedded images only
POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "form-action 'none'; base-uri 'none'"
)

#: the ``<meta>`` element that gives the policy, for the ``<head>`` of each report
META = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'

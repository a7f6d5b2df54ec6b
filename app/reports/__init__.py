"""Party documents as PDF (reportlab): a pure function from a frozen snapshot to bytes.

`layout` holds the Party-document format shared by every document; one module per document
(`member_list`, later minutes, resolutions and reports) composes it. Snapshots live in
`snapshots` and import only the standard library, so services can build them cheaply.
"""

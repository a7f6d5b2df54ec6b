"""The receiver's area at the superior committee (Tiếp nhận báo cáo): import, table across
cells, files received and refused, registered certificates, the committee's key.

Nothing is re-exported here, so that `calls` (run on the worker thread) loads no widgets.
"""

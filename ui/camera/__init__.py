"""The desk's webcam: capture and decoding off the GUI thread, the live preview, the settings.

- :mod:`ui.camera.worker` — :class:`CameraWorker`: one thread reads frames from any
  :class:`app.scanning.FrameSource`, another decodes the newest one (never a queue).
- :mod:`ui.camera.preview` — the picture with the barcodes outlined.
- :mod:`ui.camera.panel` — preview, on/off button (F7 at the desk) and the camera's status line.
- :mod:`ui.camera.choice` — which camera and resolution this PC uses (QSettings).
"""

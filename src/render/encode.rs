//! The frame sinks of the animation exporter: an animated GIF, an animated
//! PNG (APNG), or numbered PNG files in a folder with an index of what each
//! frame shows. Each encodes on a thread of its own while the next frame is
//! drawn, and writes through a temporary that becomes the output only when
//! the sequence is finished (`crate::atomic`).

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;
use std::time::Duration;

use image::RgbaImage;

use super::sequence::{FrameSink, Shot};
use crate::atomic::{AtomicDir, AtomicFile, write_in};
use crate::data::time::{Seconds, from_seconds};
pub use crate::output::requests::AnimationFormat;

/// A sink writing `frames` frames of `size` pixels to `target` in `format`.
pub fn sink(
    format: AnimationFormat,
    target: &Path,
    frames: usize,
    size: [u32; 2],
) -> io::Result<Box<dyn FrameSink>> {
    let [w, h] = size;
    match format {
        AnimationFormat::Gif => {
            let (w, h) = (gif_side(w)?, gif_side(h)?);
            let file = AtomicFile::create(target)?;
            Ok(Threaded::start(move |rx| write_gif(file, w, h, rx)))
        }
        AnimationFormat::Apng => {
            let file = AtomicFile::create(target)?;
            let n = u32::try_from(frames).map_err(io::Error::other)?;
            Ok(Threaded::start(move |rx| write_apng(file, w, h, n, rx)))
        }
        AnimationFormat::PngFrames => {
            let dir = AtomicDir::create(target)?;
            Ok(Threaded::start(move |rx| write_frames(dir, rx)))
        }
    }
}

/// One message to an encoder thread.
enum Message {
    /// A frame, how long it shows, and the time window it shows.
    Frame(RgbaImage, Duration, (Seconds, Seconds)),
    /// The sequence is complete: put the output in place.
    Finish,
}

/// A sink whose encoder runs on a thread, a couple of frames behind.
struct Threaded {
    send: Option<SyncSender<Message>>,
    thread: Option<JoinHandle<io::Result<()>>>,
}

impl Threaded {
    fn start(
        encode: impl FnOnce(Receiver<Message>) -> io::Result<()> + Send + 'static,
    ) -> Box<dyn FrameSink> {
        let (send, receive) = sync_channel(2);
        let thread = std::thread::Builder::new()
            .name("frame encoder".to_owned())
            .spawn(move || encode(receive));
        match thread {
            Ok(thread) => Box::new(Self {
                send: Some(send),
                thread: Some(thread),
            }),
            Err(e) => Box::new(Failed(Some(e))),
        }
    }

    /// Waits for the thread and returns how it ended.
    fn join(&mut self) -> io::Result<()> {
        self.send = None;
        match self.thread.take() {
            None => Ok(()),
            Some(t) => t
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("the encoder failed"))),
        }
    }

    fn send(&mut self, message: Message) -> io::Result<()> {
        let sent = self.send.as_ref().map(|s| s.send(message).is_ok());
        if sent == Some(true) {
            return Ok(());
        }
        // The thread stopped early: its error says why.
        self.join()?;
        Err(io::Error::other("the encoder stopped"))
    }
}

impl FrameSink for Threaded {
    fn add(&mut self, frame: RgbaImage, shot: &Shot) -> io::Result<()> {
        self.send(Message::Frame(frame, shot.hold, shot.view.time.window))
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.send(Message::Finish)?;
        self.join()
    }
}

impl Drop for Threaded {
    /// An unfinished sink waits for its thread, which removes the temporary.
    fn drop(&mut self) {
        let _ = self.join();
    }
}

/// A sink that could not start.
struct Failed(Option<io::Error>);

impl FrameSink for Failed {
    fn add(&mut self, _: RgbaImage, _: &Shot) -> io::Result<()> {
        Err(self
            .0
            .take()
            .unwrap_or_else(|| io::Error::other("no encoder")))
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        Err(self
            .0
            .take()
            .unwrap_or_else(|| io::Error::other("no encoder")))
    }
}

/// A GIF side length (at most 65,535 pixels).
fn gif_side(n: u32) -> io::Result<u16> {
    u16::try_from(n).map_err(|_| io::Error::other(format!("{n} pixels is too large for a GIF")))
}

/// Hundredths of a second, as GIF delays count.
fn centiseconds(d: Duration) -> u16 {
    u16::try_from(d.as_millis().div_ceil(10)).unwrap_or(u16::MAX)
}

/// How hard the GIF colour quantizer works (1 best … 30 fastest).
pub const GIF_QUANTIZER_SPEED: i32 = 20;

fn write_gif(mut file: AtomicFile, w: u16, h: u16, rx: Receiver<Message>) -> io::Result<()> {
    {
        let mut encoder = gif::Encoder::new(file.writer(), w, h, &[]).map_err(io::Error::other)?;
        encoder
            .set_repeat(gif::Repeat::Infinite)
            .map_err(io::Error::other)?;
        loop {
            match rx.recv() {
                Ok(Message::Frame(image, hold, _)) => {
                    let mut rgba = image.into_raw();
                    let mut frame =
                        gif::Frame::from_rgba_speed(w, h, &mut rgba, GIF_QUANTIZER_SPEED);
                    frame.delay = centiseconds(hold);
                    encoder.write_frame(&frame).map_err(io::Error::other)?;
                }
                Ok(Message::Finish) => break,
                Err(_) => return Err(io::Error::other("cancelled")),
            }
        }
    }
    file.commit()
}

fn write_apng(
    mut file: AtomicFile,
    w: u32,
    h: u32,
    frames: u32,
    rx: Receiver<Message>,
) -> io::Result<()> {
    {
        let mut encoder = png::Encoder::new(file.writer(), w, h);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        encoder.set_animated(frames, 0).map_err(io::Error::other)?;
        let mut writer = encoder.write_header().map_err(io::Error::other)?;
        loop {
            match rx.recv() {
                Ok(Message::Frame(image, hold, _)) => {
                    let ms = u16::try_from(hold.as_millis()).unwrap_or(u16::MAX);
                    writer.set_frame_delay(ms, 1000).map_err(io::Error::other)?;
                    let rgb = image::DynamicImage::ImageRgba8(image).into_rgb8();
                    writer.write_image_data(&rgb).map_err(io::Error::other)?;
                }
                Ok(Message::Finish) => break,
                Err(_) => return Err(io::Error::other("cancelled")),
            }
        }
        writer.finish().map_err(io::Error::other)?;
    }
    file.commit()
}

fn write_frames(dir: AtomicDir, rx: Receiver<Message>) -> io::Result<()> {
    let mut index = String::from("frame,file,from,to,hold_ms\n");
    let mut n = 0usize;
    loop {
        match rx.recv() {
            Ok(Message::Frame(image, hold, (from, to))) => {
                n += 1;
                let name = frame_name(n);
                let mut bytes = Vec::new();
                image::DynamicImage::ImageRgba8(image)
                    .into_rgb8()
                    .write_to(&mut io::Cursor::new(&mut bytes), image::ImageFormat::Png)
                    .map_err(io::Error::other)?;
                write_in(dir.path(), &name, &bytes)?;
                index.push_str(&format!(
                    "{n},{name},{},{},{}\n",
                    from_seconds(from),
                    from_seconds(to),
                    hold.as_millis()
                ));
            }
            Ok(Message::Finish) => break,
            Err(_) => return Err(io::Error::other("cancelled")),
        }
    }
    write_in(dir.path(), FRAMES_INDEX, index.as_bytes())?;
    dir.commit()
}

/// The index of a frames folder: one row per frame with its file and the
/// time window it shows.
pub const FRAMES_INDEX: &str = "frames.csv";

/// The file name of frame `n` (from 1): `frame-0001.png`.
pub fn frame_name(n: usize) -> String {
    format!("frame-{n:04}.png")
}

/// The path an animation is written to: `path` with the format's
/// extension when it has none.
pub fn with_extension(path: PathBuf, format: AnimationFormat) -> PathBuf {
    match format.extension() {
        Some(ext) if path.extension().is_none() => path.with_extension(ext),
        _ => path,
    }
}

/// Writes `image` as a PNG file, whole or not at all.
pub fn write_png(image: &RgbaImage, target: &Path) -> io::Result<()> {
    let mut file = AtomicFile::create(target)?;
    {
        let [w, h] = [image.width(), image.height()];
        let mut encoder = png::Encoder::new(file.writer(), w, h);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(io::Error::other)?;
        writer
            .write_image_data(image.as_raw())
            .map_err(io::Error::other)?;
        writer.finish().map_err(io::Error::other)?;
    }
    file.writer().flush()?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::view_defaults::initial_view;

    fn shot() -> Shot {
        Shot {
            view: initial_view(&crate::data::Data::default()),
            hold: Duration::from_millis(500),
            caption: None,
        }
    }

    fn frame(shade: u8) -> RgbaImage {
        RgbaImage::from_pixel(8, 6, image::Rgba([shade, 40, 90, 255]))
    }

    #[test]
    fn each_format_writes_its_frames() {
        let dir = tempfile::tempdir().unwrap();
        for format in AnimationFormat::ALL {
            let target = with_extension(dir.path().join("anim"), format);
            let mut sink = sink(format, &target, 2, [8, 6]).unwrap();
            sink.add(frame(10), &shot()).unwrap();
            sink.add(frame(200), &shot()).unwrap();
            assert!(!target.exists(), "{format:?} appears before it is finished");
            sink.finish().unwrap();
            assert!(target.exists(), "{format:?}");
        }
        let frames = dir.path().join("anim");
        assert!(frames.join(frame_name(2)).is_file());
        let index = std::fs::read_to_string(frames.join(FRAMES_INDEX)).unwrap();
        assert_eq!(index.lines().count(), 3, "{index}");
        let gif = std::fs::File::open(dir.path().join("anim.gif")).unwrap();
        let mut decoder = gif::DecodeOptions::new().read_info(gif).unwrap();
        let mut count = 0;
        while decoder.read_next_frame().unwrap().is_some() {
            count += 1;
        }
        assert_eq!(count, 2);
        let apng = std::fs::File::open(dir.path().join("anim.png")).unwrap();
        let reader = png::Decoder::new(io::BufReader::new(apng))
            .read_info()
            .unwrap();
        let control = reader.info().animation_control().unwrap();
        assert_eq!(control.num_frames, 2);
    }

    #[test]
    fn a_sink_dropped_unfinished_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("anim.gif");
        let mut sink = sink(AnimationFormat::Gif, &target, 2, [8, 6]).unwrap();
        sink.add(frame(10), &shot()).unwrap();
        drop(sink);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn the_path_tells_the_format() {
        assert_eq!(
            AnimationFormat::for_path(Path::new("a.GIF")),
            AnimationFormat::Gif
        );
        assert_eq!(
            AnimationFormat::for_path(Path::new("a.png")),
            AnimationFormat::Apng
        );
        assert_eq!(
            AnimationFormat::for_path(Path::new("out/")),
            AnimationFormat::PngFrames
        );
    }
}

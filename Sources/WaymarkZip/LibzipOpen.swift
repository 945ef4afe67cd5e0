import CLibZip

/// `zip_open_from_source`, safe to call from several threads at once.
///
/// libzip before 1.9 (Debian 12 has 1.7.3) works out two bitmaps the first time a process opens
/// an archive and keeps them in static variables with no lock (nih-at/libzip#289). A second
/// thread opening at that moment can read one still unset and refuse a writable buffer as
/// "Read-only archive": one guide of a parallel build then failed at random. The first call here
/// opens and discards one archive inside Swift's one-time initialisation, so the bitmaps are set
/// before any two threads can open at once.
func openArchive(_ source: OpaquePointer, flags: Int32, error: inout zip_error_t) -> OpaquePointer? {
    _ = libzipStaticsSet
    return zip_open_from_source(source, flags, &error)
}

/// Set once, by the first ``openArchive(_:flags:error:)``.
private let libzipStaticsSet: Void = {
    var error = zip_error_t()
    zip_error_init(&error)
    defer { zip_error_fini(&error) }
    guard let source = zip_source_buffer_create(nil, 0, 0, &error) else { return }
    if let archive = zip_open_from_source(source, ZIP_TRUNCATE | ZIP_CREATE, &error) {
        zip_discard(archive)
    } else {
        zip_source_free(source)
    }
}()

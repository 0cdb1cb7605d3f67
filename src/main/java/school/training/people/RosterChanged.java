package school.training.people;

/** Between preview and import the file came to mean something else (the directory changed); nothing was written. */
class RosterChanged extends RuntimeException {

    private final transient RosterPreview preview;

    RosterChanged(RosterPreview preview) {
        super("The roster's plan changed since the preview");
        this.preview = preview;
    }

    RosterPreview preview() {
        return preview;
    }
}

import ArgumentParser
import BilatServices

/// `--include` and `--exclude` of the commands that read folders (ingest, extract).
struct FolderOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read only the files of a folder that match GLOB (repeatable).", valueName: "GLOB"))
    var include: [String] = []

    @Option(help: ArgumentHelp("Skip the files of a folder that match GLOB (repeatable).", valueName: "GLOB"))
    var exclude: [String] = []

    var selection: FolderSelection { FolderSelection(include: include, exclude: exclude) }
}

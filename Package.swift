// swift-tools-version:6.1
import PackageDescription

// Layers (docs/architecture.md): tuki → Server → Reports → Projections → Ledger → EventStore. Arrows point down only;
// Vocabulary (every word people see) is a leaf that the layers speaking to people import.
let package = Package(
    name: "Tuki",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tuki", targets: ["tuki"]),
        .executable(name: "tuki-generate", targets: ["tuki-generate"]),
        .library(name: "EventStore", targets: ["EventStore"]),
        .library(name: "Ledger", targets: ["Ledger"]),
        .library(name: "Projections", targets: ["Projections"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Vocabulary", targets: ["Vocabulary"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // The server. Hummingbird's default trait ConfigurationSupport would build swift-configuration,
        // which Tuki does not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // Named for what the server imports itself (NIOPosix's thread pool, where it runs bcrypt;
        // HTTP field names; its logger); Hummingbird builds them anyway.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // Base32 for the second factor's secrets; hummingbird-auth builds it anyway.
        .package(url: "https://github.com/swift-extras/swift-extras-base64", from: "1.2.0"),
        // A spreadsheet's file sent from a page (multipart/form-data): the participants' import.
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
    ],
    targets: [
        // SHA-256 and AES-GCM from the system's OpenSSL 3 (docs/architecture.md, "Cryptography"):
        // swift-crypto would build BoringSSL from source, more than a minute of every fresh build.
        .target(
            name: "COpenSSL",
            linkerSettings: [.linkedLibrary(":libcrypto.so.3", .when(platforms: [.linux]))]
        ),
        .target(
            name: "EventStore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                "COpenSSL",
            ]
        ),
        .target(name: "Ledger", dependencies: ["EventStore"]),
        // Every word people see, in Finnish and English (docs/glossary.md): a leaf, so that every
        // layer that speaks to people can use it.
        .target(name: "Vocabulary"),
        // Not a product: the demo's programme (`tuki demo`, the tests' fixtures) and the seeded
        // random numbers of generated histories.
        .target(name: "Samples", dependencies: ["EventStore", "Ledger"]),
        .target(
            name: "Projections",
            dependencies: ["EventStore", "Ledger", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "Reports", dependencies: ["EventStore", "Projections", "Vocabulary", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "Server",
            dependencies: [
                "EventStore", "Ledger", "Projections", "Reports", "Vocabulary",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ExtrasBase64", package: "swift-extras-base64"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]
        ),
        .executableTarget(
            name: "tuki",
            dependencies: [
                "EventStore",
                "Ledger",
                "Projections",
                "Reports",
                "Samples",
                "Server",
                "Vocabulary",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // A tool, not a layer: writes realistic histories for benchmarks (Tools/bench).
        .executableTarget(
            name: "tuki-generate",
            dependencies: ["EventStore", "Samples", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Tools/tuki-generate"
        ),
        .executableTarget(
            name: "tuki-bench",
            dependencies: ["EventStore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Tools/tuki-bench"
        ),
        .testTarget(
            name: "EventStoreTests",
            dependencies: [
                "EventStore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "LedgerTests",
            dependencies: ["EventStore", "Ledger", "Samples", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "ProjectionsTests",
            dependencies: ["EventStore", "Ledger", "Projections", "Reports", "Samples", "Vocabulary", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "SchemaTests",
            dependencies: ["EventStore", "Ledger", "Samples", "Vocabulary"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "TukiCLITests",
            dependencies: [
                "tuki",
                "tuki-generate",
                "Samples",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "EventStore", "Ledger", "Samples", "Server", "Vocabulary",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        // The repository itself: the README's commands, CI, and no reference outside the repository.
        .testTarget(name: "RepositoryTests"),
    ],
    swiftLanguageModes: [.v6]
)

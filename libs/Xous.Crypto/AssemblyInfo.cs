using System.Runtime.CompilerServices;

// The tests check that the internal engines wipe their state (device-profile projects generate no assembly info).
[assembly: InternalsVisibleTo("Xous.Crypto.Tests")]

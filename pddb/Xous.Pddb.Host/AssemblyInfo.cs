using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Xous.Pddb.Tests")]

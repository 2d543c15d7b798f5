namespace System.Runtime.InteropServices;

// The compiler encodes a `where T : unmanaged` constraint as modreq(UnmanagedType), so the type must exist.
// The members are a subset of .NET's, with .NET's values; marshalling itself is not part of the device profile.
public enum UnmanagedType
{
    Bool = 2,
    I1 = 3,
    U1 = 4,
    I2 = 5,
    U2 = 6,
    I4 = 7,
    U4 = 8,
    I8 = 9,
    U8 = 10,
    R4 = 11,
    R8 = 12,
    Struct = 27,
    SysInt = 31,
    SysUInt = 32,
    FunctionPtr = 38,
    LPUTF8Str = 48,
}

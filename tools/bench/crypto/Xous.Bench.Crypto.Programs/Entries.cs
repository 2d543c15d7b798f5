namespace Xous.Bench.Crypto.Programs;

// The entry points tools/ilcompiler compiles, one per kernel; Main returns the kernel's checksum, which the measuring
// driver (tools/bench/compiler/driver/csharp_main.c) prints after reading instret around the call.

/// <summary>Entry of <see cref="Sha256Blocks"/>.</summary>
public static class Sha256BlocksProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)Sha256Blocks.Run();
}

/// <summary>Entry of <see cref="Sha512Blocks"/>.</summary>
public static class Sha512BlocksProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)Sha512Blocks.Run();
}

/// <summary>Entry of <see cref="ChaCha20Blocks"/>.</summary>
public static class ChaCha20BlocksProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)ChaCha20Blocks.Run();
}

/// <summary>Entry of <see cref="Bcrypt7"/>.</summary>
public static class Bcrypt7Program
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)Bcrypt7.Run();
}

/// <summary>Entry of <see cref="DrbgPage"/>.</summary>
public static class DrbgPageProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)DrbgPage.Run();
}

/// <summary>Entry of <see cref="Aes256Blocks"/>.</summary>
public static class Aes256BlocksProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)Aes256Blocks.Run();
}

/// <summary>Entry of <see cref="Aes256DecryptBlocks"/>.</summary>
public static class Aes256DecryptBlocksProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)Aes256DecryptBlocks.Run();
}

/// <summary>Entry of <see cref="GcmSivPage"/>.</summary>
public static class GcmSivPageProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)GcmSivPage.Run();
}

/// <summary>Entry of <see cref="KwpUnwrap"/>.</summary>
public static class KwpUnwrapProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)KwpUnwrap.Run();
}

/// <summary>Entry of <see cref="Ed25519Verify"/>.</summary>
public static class Ed25519VerifyProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)Ed25519Verify.Run();
}

/// <summary>Entry of <see cref="Ed25519Sign"/>.</summary>
public static class Ed25519SignProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)Ed25519Sign.Run();
}

/// <summary>Entry of <see cref="X25519Shared"/>.</summary>
public static class X25519SharedProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)X25519Shared.Run();
}

/// <summary>Entry of <see cref="P256Sign"/>.</summary>
public static class P256SignProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)P256Sign.Run();
}

/// <summary>Entry of <see cref="P256SignOnce"/>.</summary>
public static class P256SignOnceProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)P256SignOnce.Run();
}

/// <summary>Entry of <see cref="P256Verify"/>.</summary>
public static class P256VerifyProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)P256Verify.Run();
}

/// <summary>Entry of <see cref="P256Ecdh"/>.</summary>
public static class P256EcdhProgram
{
    /// <summary>Runs the kernel.</summary>
    public static int Main() => (int)P256Ecdh.Run();
}

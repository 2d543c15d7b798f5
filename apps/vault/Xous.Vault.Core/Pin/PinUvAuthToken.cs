using System;
using Xous.Crypto;
using Xous.Vault.Environment;

namespace Xous.Vault.Pin;

/// <summary>
/// The pinUvAuthToken and its state (CTAP 2.1 §6.5.2.1): 32 random bytes, regenerated at power-up and at every issue
/// (so older tokens stop working), the protocol it was issued under, its permissions, its permissions RP ID (bound at
/// first use when none was given), the userPresent flag and a usage time limit on the monotonic clock. RAM only.
/// </summary>
internal sealed class PinUvAuthToken
{
    /// <summary>The token's length in bytes.</summary>
    public const int Length = 32;

    /// <summary>A token stops working this long after it was issued (CTAP 2.1's maximum usage period, 10 minutes).</summary>
    public const long UsageLimitMilliseconds = 10 * 60 * 1000;

    private readonly IEntropySource _entropy;
    private readonly IMonotonicClock _clock;
    private readonly byte[] _token = new byte[Length];
    private ulong _protocol;
    private long _issuedAt;

    /// <summary>Creates a token that is not in use (a fresh random value nobody knows yet).</summary>
    public PinUvAuthToken(IEntropySource entropy, IMonotonicClock clock)
    {
        _entropy = entropy;
        _clock = clock;
        Invalidate();
    }

    /// <summary>The permissions of the token in use (None when there is none).</summary>
    public PinUvAuthPermissions Permissions { get; private set; }

    /// <summary>The permissions RP ID, or null when none is bound yet.</summary>
    public string? RpId { get; private set; }

    /// <summary>Whether a token was issued and is within its usage limit.</summary>
    public bool InUse => _protocol != 0 && _clock.ElapsedMilliseconds - _issuedAt < UsageLimitMilliseconds;

    /// <summary>resetPinUvAuthToken: a fresh random value and no permissions; every token given out so far stops working.</summary>
    public void Invalidate()
    {
        _entropy.Fill(_token);
        _protocol = 0;
        Permissions = PinUvAuthPermissions.None;
        RpId = null;
        UserPresent = false;
        _issuedAt = 0;
    }

    /// <summary>Issues a new token (a fresh random value) under <paramref name="protocol"/> and writes it into <paramref name="token"/>.</summary>
    public void Issue(ulong protocol, PinUvAuthPermissions permissions, string? rpId, bool userPresent, Span<byte> token)
    {
        Invalidate();
        _protocol = protocol;
        Permissions = permissions;
        RpId = rpId;
        UserPresent = userPresent;
        _issuedAt = _clock.ElapsedMilliseconds;
        _token.CopyTo(token);
    }

    /// <summary>The userPresent flag.</summary>
    public bool UserPresent { get; private set; }

    /// <summary>Reads and clears the userPresent flag.</summary>
    public bool TakeUserPresence()
    {
        bool present = UserPresent && InUse;
        UserPresent = false;
        return present;
    }

    /// <summary>clearPinUvAuthTokenPermissionsExceptLbw and clearUserPresentFlag (CTAP 2.1, after makeCredential/getAssertion).</summary>
    public void ClearPermissionsExceptLargeBlobWrite()
    {
        Permissions &= PinUvAuthPermissions.LargeBlobWrite;
        UserPresent = false;
    }

    /// <summary>Verifies pinUvAuthParam over <paramref name="message"/>, the permission and the RP ID (binding it when none is bound).</summary>
    public CtapStatus Verify(ulong protocol, ReadOnlySpan<byte> message, ReadOnlySpan<byte> pinUvAuthParam, PinUvAuthPermissions permission, string? rpId)
    {
        if (!PinProtocol.IsSupported(protocol))
        {
            return CtapStatus.InvalidParameter;
        }

        if (!InUse || protocol != _protocol || !PinProtocol.Verify(protocol, _token, message, pinUvAuthParam))
        {
            return CtapStatus.PinAuthInvalid;
        }

        if ((Permissions & permission) != permission)
        {
            return CtapStatus.PinAuthInvalid;
        }

        if (rpId != null)
        {
            if (RpId == null)
            {
                RpId = rpId;
            }
            else if (RpId != rpId)
            {
                return CtapStatus.PinAuthInvalid;
            }
        }

        return CtapStatus.Ok;
    }
}

using System;
using Xous.Vault.Environment;

namespace Xous.Vault.Ctap2;

/// <summary>
/// authenticatorReset (0x07): only within <see cref="AuthenticatorLimits.ResetWindowMilliseconds"/> of power-up and
/// with user presence; wipes the resident credentials, makes a new wrapping key (old IDs stop working), resets the
/// PIN subsystem and the U2F application records, and commits.
/// </summary>
internal sealed class ResetCommand : ICtapCommand
{
    private readonly AuthenticatorContext _authenticator;
    private readonly Action _resetOthers;

    public ResetCommand(AuthenticatorContext authenticator, Action resetOthers)
    {
        _authenticator = authenticator;
        _resetOthers = resetOthers;
    }

    public CtapStatus Process(ReadOnlySpan<byte> parameters, ICtapRequestContext context, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        if (_authenticator.Environment.Clock.ElapsedMilliseconds > AuthenticatorLimits.ResetWindowMilliseconds)
        {
            return CtapStatus.NotAllowed;
        }

        CtapStatus presence = AuthenticatorContext.WaitForPresence(context, UserPresencePurpose.Reset, string.Empty);
        if (presence != CtapStatus.Ok)
        {
            return presence;
        }

        _authenticator.Residents.DeleteAll();
        _authenticator.State.NewMasterKey();
        _authenticator.PinUvAuth.Reset();
        _resetOthers();
        _authenticator.Environment.Store.Commit();
        return CtapStatus.Ok;
    }
}

/// <summary>authenticatorSelection (0x0B): user presence → OK, OPERATION_DENIED, USER_ACTION_TIMEOUT or KEEPALIVE_CANCEL.</summary>
internal sealed class SelectionCommand : ICtapCommand
{
    public CtapStatus Process(ReadOnlySpan<byte> parameters, ICtapRequestContext context, Span<byte> response, out int responseLength)
    {
        responseLength = 0;
        return AuthenticatorContext.WaitForPresence(context, UserPresencePurpose.Selection, string.Empty);
    }
}

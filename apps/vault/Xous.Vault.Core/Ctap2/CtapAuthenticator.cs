using System;
using Xous.Cbor;
using Xous.Vault.Environment;
using Xous.Vault.Pin;
using Xous.Vault.U2f;

namespace Xous.Vault.Ctap2;

/// <summary>
/// The CTAP 2.1 + U2F application behind CTAPHID: dispatches CTAP2 commands by their command byte (unknown:
/// INVALID_COMMAND; ill-formed or non-canonical CBOR: INVALID_CBOR; wrong types: CBOR_UNEXPECTED_TYPE), answers U2F
/// APDUs, and turns storage failures into KEY_STORE_FULL (full) or OTHER. Every response is CTAP2-canonical CBOR.
/// </summary>
public sealed class CtapAuthenticator : ICtapApplication
{
    private const byte CommandMakeCredential = 0x01;
    private const byte CommandGetAssertion = 0x02;
    private const byte CommandGetInfo = 0x04;
    private const byte CommandClientPin = 0x06;
    private const byte CommandReset = 0x07;
    private const byte CommandGetNextAssertion = 0x08;
    private const byte CommandCredentialManagement = 0x0A;
    private const byte CommandSelection = 0x0B;
    private const byte CommandLargeBlobs = 0x0C;
    private const byte CommandConfig = 0x0D;
    private const byte CommandCredentialManagementPreview = 0x41;

    private readonly AuthenticatorContext _authenticator;
    private readonly ICtapCommand _makeCredential;
    private readonly GetAssertionCommand _getAssertion;
    private readonly ICtapCommand _getInfo;
    private readonly ICtapCommand _reset;
    private readonly ICtapCommand _selection;
    private readonly CredentialManagementCommand _credentialManagement;
    private readonly ICtapCommand _clientPin;
    private readonly ICtapCommand _largeBlobs;
    private readonly ICtapCommand _config;
    private readonly U2fApplet _u2f;

    /// <summary>Power-up: loads or creates the persistent state through the environment's store.</summary>
    public CtapAuthenticator(VaultEnvironment environment)
        : this(environment, new PinSubsystem(environment))
    {
    }

    private CtapAuthenticator(VaultEnvironment environment, PinSubsystem pin)
        : this(environment, pin, new LazyCommand(pin, CommandClientPin), new LazyCommand(pin, CommandLargeBlobs), new LazyCommand(pin, CommandConfig))
    {
    }

    /// <summary>
    /// Power-up with an explicit PIN/UV subsystem and its three commands (clientPIN 0x06, largeBlobs 0x0C,
    /// authenticatorConfig 0x0D): the composition used by tests and by hosts that build the PIN subsystem themselves.
    /// </summary>
    public CtapAuthenticator(VaultEnvironment environment, IPinUvAuth pinUvAuth, ICtapCommand clientPin, ICtapCommand largeBlobs, ICtapCommand config)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(pinUvAuth);
        _authenticator = new AuthenticatorContext(environment, pinUvAuth);
        _makeCredential = new MakeCredentialCommand(_authenticator);
        _getAssertion = new GetAssertionCommand(_authenticator);
        _getInfo = new GetInfoCommand(_authenticator);
        _selection = new SelectionCommand();
        _credentialManagement = new CredentialManagementCommand(_authenticator);
        _clientPin = clientPin ?? throw new ArgumentNullException(nameof(clientPin));
        _largeBlobs = largeBlobs ?? throw new ArgumentNullException(nameof(largeBlobs));
        _config = config ?? throw new ArgumentNullException(nameof(config));
        _u2f = new U2fApplet(_authenticator);
        _reset = new ResetCommand(_authenticator, ResetOthers);
    }

    /// <summary>Request and error counts.</summary>
    public CtapCounters Counters { get; } = new();

    /// <summary>The global signature counter (its last value given out).</summary>
    public uint SignatureCounter => _authenticator.State.Counter;

    /// <summary>How many resident credentials are stored.</summary>
    public int ResidentCredentialCount => _authenticator.Residents.Count;

    /// <inheritdoc/>
    public int ProcessCbor(ReadOnlySpan<byte> request, Span<byte> response, ICtapRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (request.IsEmpty)
        {
            response[0] = (byte)CtapStatus.InvalidLength;
            Counters.CountError(CtapStatus.InvalidLength);
            return 1;
        }

        byte command = request[0];
        ReadOnlySpan<byte> parameters = request[1..];
        Counters.CountRequest(command);
        _u2f.Presence.Close();
        if (command != CommandGetNextAssertion)
        {
            _getAssertion.ResetState();
        }

        if (command != CommandCredentialManagement && command != CommandCredentialManagementPreview)
        {
            _credentialManagement.ResetState();
        }

        int length = 0;
        CtapStatus status = Dispatch(command, parameters, context, response[1..], ref length);
        response[0] = (byte)status;
        if (status != CtapStatus.Ok)
        {
            Counters.CountError(status);
            return 1;
        }

        return 1 + length;
    }

    private CtapStatus Dispatch(byte command, ReadOnlySpan<byte> parameters, ICtapRequestContext context, Span<byte> response, ref int length)
    {
        ICtapCommand? handler = command switch
        {
            CommandMakeCredential => _makeCredential,
            CommandGetAssertion => _getAssertion,
            CommandGetInfo => _getInfo,
            CommandClientPin => _clientPin,
            CommandReset => _reset,
            CommandGetNextAssertion => _getAssertion.Next,
            CommandCredentialManagement => _credentialManagement,
            CommandCredentialManagementPreview => _credentialManagement,
            CommandSelection => _selection,
            CommandLargeBlobs => _largeBlobs,
            CommandConfig => _config,
            _ => null,
        };
        if (handler is null)
        {
            return CtapStatus.InvalidCommand;
        }

        if (!parameters.IsEmpty)
        {
            try
            {
                CborReader.Validate(parameters);
            }
            catch (CborException)
            {
                return CtapStatus.InvalidCbor;
            }
        }

        try
        {
            return handler.Process(parameters, context, response, out length);
        }
        catch (VaultStoreException exception)
        {
            length = 0;
            return exception.Error == VaultStoreError.Full ? CtapStatus.KeyStoreFull : CtapStatus.Other;
        }
    }

    /// <inheritdoc/>
    public int ProcessApdu(ReadOnlySpan<byte> request, Span<byte> response, ICtapRequestContext context)
    {
        _getAssertion.ResetState();
        _credentialManagement.ResetState();
        int length = _u2f.Process(request, response, out U2fStatus status);
        Counters.CountApdu(request.Length > 1 ? request[1] : (byte)0, status != U2fStatus.Ok);
        return length;
    }

    /// <inheritdoc/>
    public void Wink() => Counters.CountWink();

    /// <inheritdoc/>
    public void ChannelReset(uint channel)
    {
        _getAssertion.ResetChannel(channel);
        _credentialManagement.ResetChannel(channel);
    }

    private void ResetOthers()
    {
        _u2f.Presence.Close();
        _u2f.Apps.DeleteAll();
        _getAssertion.ResetState();
        _credentialManagement.ResetState();
    }

    /// <summary>Routes to one of the PIN subsystem's commands, resolved at call time.</summary>
    private sealed class LazyCommand : ICtapCommand
    {
        private readonly PinSubsystem _pin;
        private readonly byte _command;

        public LazyCommand(PinSubsystem pin, byte command)
        {
            _pin = pin;
            _command = command;
        }

        public CtapStatus Process(ReadOnlySpan<byte> parameters, ICtapRequestContext context, Span<byte> response, out int responseLength)
        {
            ICtapCommand target = _command switch
            {
                CommandClientPin => _pin.ClientPin,
                CommandLargeBlobs => _pin.LargeBlobs,
                _ => _pin.Config,
            };
            return target.Process(parameters, context, response, out responseLength);
        }
    }
}

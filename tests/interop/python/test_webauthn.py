"""Full WebAuthn ceremonies: python-fido2's Fido2Client (platform) + Fido2Server (relying party)."""

import pytest
from fido2.attestation import Attestation
from fido2.client import ClientError, Fido2Client
from fido2.server import Fido2Server
from fido2.webauthn import PublicKeyCredentialRpEntity

from vaultlib import ctap2_for, fresh_with_pin, open_device

ORIGIN = "https://example.com"
RP = PublicKeyCredentialRpEntity("example.com", "Example RP")
USER = {"id": b"user-id-0001", "name": "alice", "displayName": "Alice"}
PIN = "20242024"


def verify_packed(attestation_object, client_data_hash):
    Attestation.for_type(attestation_object.fmt)().verify(attestation_object.att_statement,
                                                          attestation_object.auth_data, client_data_hash)


def server():
    return Fido2Server(RP, attestation="direct", verify_attestation=verify_packed)


def register(client, rp_server, user=USER, pin=None, **kwargs):
    options, state = rp_server.register_begin(user, **kwargs)
    result = client.make_credential(options["publicKey"], pin=pin)
    auth_data = rp_server.register_complete(state, result.client_data, result.attestation_object)
    return auth_data.credential_data


def authenticate(client, rp_server, credentials, pin=None, allow=True, **kwargs):
    options, state = rp_server.authenticate_begin(credentials if allow else None, **kwargs)
    selection = client.get_assertion(options["publicKey"], pin=pin)
    response = selection.get_response(0)
    rp_server.authenticate_complete(state, credentials, response.credential_id, response.client_data,
                                    response.authenticator_data, response.signature)
    return response


@pytest.fixture
def client(dev):
    return Fido2Client(dev, ORIGIN)


def test_register_and_authenticate(client):
    rp_server = server()
    credential = register(client, rp_server)
    response = authenticate(client, rp_server, [credential])
    assert response.authenticator_data.flags & 0x01


def test_register_discoverable_and_authenticate_without_allow_list(dev):
    rp_id = "discoverable.example.com"
    rp_server = Fido2Server(PublicKeyCredentialRpEntity(rp_id, "Discoverable"), attestation="direct",
                            verify_attestation=verify_packed)
    client = Fido2Client(dev, "https://" + rp_id)
    credential = register(client, rp_server, user={"id": b"disc-user", "name": "bob", "displayName": "Bob"},
                          resident_key=True)
    response = authenticate(client, rp_server, [credential], allow=False)
    assert response.user_handle == b"disc-user"


def test_register_with_extensions(client):
    from fido2.ctap2.extensions import CredProtectExtension
    from fido2.webauthn import PublicKeyCredentialCreationOptions
    rp_server = server()
    options, state = rp_server.register_begin(USER)
    base = options["publicKey"]
    with_extensions = PublicKeyCredentialCreationOptions(
        base.rp, base.user, base.challenge, base.pub_key_cred_params,
        extensions={"hmacCreateSecret": True,
                    "credentialProtectionPolicy": CredProtectExtension.POLICY.OPTIONAL_WITH_LIST})
    result = client.make_credential(with_extensions)
    assert result.extension_results.get("hmacCreateSecret") is True
    assert result.attestation_object.auth_data.extensions == {"hmac-secret": True, "credProtect": 2}
    rp_server.register_complete(state, result.client_data, result.attestation_object)


def test_server_rejects_tampered_signature(client):
    rp_server = server()
    credential = register(client, rp_server)
    options, state = rp_server.authenticate_begin([credential])
    response = client.get_assertion(options["publicKey"]).get_response(0)
    signature = bytearray(response.signature)
    signature[-3] ^= 0x01
    with pytest.raises(ValueError):
        rp_server.authenticate_complete(state, [credential], response.credential_id, response.client_data,
                                        response.authenticator_data, bytes(signature))


def test_server_rejects_other_origin(dev):
    rp_server = server()
    client = Fido2Client(dev, "https://login.example.com")
    options, state = rp_server.register_begin(USER)
    result = client.make_credential(options["publicKey"])
    rp_server_strict = Fido2Server(RP, attestation="direct", verify_attestation=verify_packed,
                                   verify_origin=lambda origin: origin == ORIGIN)
    with pytest.raises(ValueError):
        rp_server_strict.register_complete(state, result.client_data, result.attestation_object)


def test_excluded_credential_is_refused(client):
    rp_server = server()
    credential = register(client, rp_server)
    with pytest.raises(ClientError) as error:
        register(client, rp_server, credentials=[credential])
    assert error.value.code == ClientError.ERR.DEVICE_INELIGIBLE


@pytest.fixture(scope="module")
def pinned_device(authenticators):
    return fresh_with_pin(authenticators, "webauthn-pin", PIN, 2)


def test_register_and_authenticate_with_pin(pinned_device):
    device = open_device(pinned_device)
    client = Fido2Client(device, ORIGIN)
    rp_server = server()
    credential = register(client, rp_server, pin=PIN, user_verification="required")
    response = authenticate(client, rp_server, [credential], pin=PIN, user_verification="required")
    assert response.authenticator_data.flags & 0x05 == 0x05
    device.close()


def test_discoverable_with_pin(pinned_device):
    device = open_device(pinned_device)
    client = Fido2Client(device, ORIGIN)
    rp_server = server()
    credential = register(client, rp_server, user={"id": b"pin-user", "name": "carol", "displayName": "Carol"},
                          pin=PIN, resident_key=True, user_verification="required")
    options, state = rp_server.authenticate_begin(None, user_verification="required")
    selection = client.get_assertion(options["publicKey"], pin=PIN)
    response = selection.get_response(0)
    rp_server.authenticate_complete(state, [credential], response.credential_id, response.client_data,
                                    response.authenticator_data, response.signature)
    assert response.user_handle == b"pin-user"
    device.close()


def test_pin_required_without_pin(pinned_device):
    device = open_device(pinned_device)
    client = Fido2Client(device, ORIGIN)
    options, _ = server().register_begin(USER)
    with pytest.raises(ClientError):
        client.make_credential(options["publicKey"])
    device.close()


def test_wrong_pin_is_refused(pinned_device):
    device = open_device(pinned_device)
    client = Fido2Client(device, ORIGIN)
    options, _ = server().register_begin(USER, user_verification="required")
    with pytest.raises(ClientError) as error:
        client.make_credential(options["publicKey"], pin="00000000")
    assert error.value.code == ClientError.ERR.BAD_REQUEST
    ctap2 = ctap2_for(pinned_device)
    from vaultlib import client_pin
    client_pin(ctap2).get_pin_token(PIN, 0x01, "example.com")  # restores the retries
    ctap2.device.close()
    device.close()

"""libfido2 1.12 (a second, independent CTAP implementation) through the unmodified Debian CLIs over UDP
(fido-clients.md §4.3, §4.4, §9.3)."""

import base64
import hashlib
import os

import pytest
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from fido2cli import Cli

PIN = "4816a2b7"


def b64(data):
    return base64.b64encode(data).decode()


def cred_input(rp_id, user_name="alice", user_id=None, cdh=None):
    cdh = cdh or os.urandom(32)
    return "%s\n%s\n%s\n%s\n" % (b64(cdh), rp_id, user_name, b64(user_id or os.urandom(16)))


def make_credential(cli, device, rp_id, *flags, kind=None, stdin=""):
    """fido2-cred -M; returns the output lines."""
    arguments = ["fido2-cred", "-M"] + list(flags) + ["-i", cli.file(cred_input(rp_id)), device.path]
    if kind:
        arguments.append(kind)
    return cli.ok(*arguments, stdin=stdin).splitlines()


def verify_credential(cli, lines, *flags, kind=None):
    """fido2-cred -V; returns (credential id base64, PEM public key path)."""
    pem = os.path.join(cli.work, "key-%d.pem" % cli.files)
    arguments = ["fido2-cred", "-V"] + list(flags) + ["-i", cli.file("\n".join(lines) + "\n"), "-o", pem]
    if kind:
        arguments.append(kind)
    cli.ok(*arguments)
    with open(pem) as f:
        content = f.read().splitlines()
    key_path = pem + ".key"
    with open(key_path, "w") as f:
        f.write("\n".join(content[1:]) + "\n")
    return content[0], key_path


@pytest.fixture(scope="module")
def device(authenticators):
    return authenticators.fresh("libfido2")


@pytest.fixture(scope="module")
def pinned(authenticators, preload_library, tmp_path_factory):
    """An authenticator whose PIN was set with `fido2-token -S` (PIN on stdin)."""
    device = authenticators.fresh("libfido2-pin")
    Cli(preload_library, str(tmp_path_factory.mktemp("pin"))).ok("fido2-token", "-S", device.path,
                                                                  stdin="%s\n%s\n" % (PIN, PIN))
    return device


def test_token_list_with_manifest(cli, device):
    out = cli.ok("fido2-token", "-L", env={"FIDO_UDP_DEVICE": device.path})
    assert device.path in out
    assert "Precursor Vault" in out


def test_token_info(cli, device, aaguid):
    out = cli.ok("fido2-token", "-I", device.path)
    for expected in ("FIDO_2_0", "FIDO_2_1", "U2F_V2", "hmac-secret", "credProtect", "largeBlobKey", "credBlob",
                     "minPinLength", "usb", "es256", "eddsa", "clientPin", "credMgmt", "largeBlobs", "authnrCfg",
                     "7609"):
        assert expected in out, "%s missing from fido2-token -I:\n%s" % (expected, out)
    assert aaguid.hex() in out.replace("-", "").lower()
    assert "wink" in out and "cbor" in out and "msg" in out


def test_make_and_verify_credential_with_x5c(cli, device):
    lines = make_credential(cli, device, "cli.example.com")
    assert lines[1] == "cli.example.com"
    assert lines[2] == "packed"
    assert len(lines) >= 7, "attestation certificate (x5c) missing"
    credential_id, key_path = verify_credential(cli, lines)
    assert base64.b64decode(credential_id) == base64.b64decode(lines[4])
    load_pem_public_key(open(key_path, "rb").read())


def test_make_resident_credential_with_hmac_secret(cli, device):
    lines = make_credential(cli, device, "rk-cli.example.com", "-r", "-h")
    verify_credential(cli, lines, "-h")


def test_make_eddsa_credential(cli, device):
    lines = make_credential(cli, device, "eddsa-cli.example.com", kind="eddsa")
    verify_credential(cli, lines, kind="eddsa")


def test_make_with_cred_protect(cli, device):
    lines = make_credential(cli, device, "cp-cli.example.com", "-c", "2")
    verify_credential(cli, lines, "-c", "2")


def test_assert_get_and_verify(cli, device):
    rp_id = "assert-cli.example.com"
    lines = make_credential(cli, device, rp_id)
    credential_id, key_path = verify_credential(cli, lines)
    cdh = b64(os.urandom(32))
    out = cli.ok("fido2-assert", "-G", "-p", "-i", cli.file("%s\n%s\n%s\n" % (cdh, rp_id, credential_id)), device.path)
    assertion = out.splitlines()
    assert assertion[0] == cdh and assertion[1] == rp_id
    cli.ok("fido2-assert", "-V", "-p", "-i", cli.file("\n".join(assertion[:4]) + "\n"), key_path, "es256")


def test_assert_hmac_secret_is_stable_per_salt(cli, device):
    rp_id = "hmac-cli.example.com"
    lines = make_credential(cli, device, rp_id, "-h")
    credential_id, _ = verify_credential(cli, lines, "-h")
    salt = b64(os.urandom(32))
    outputs = []
    for _ in range(2):
        out = cli.ok("fido2-assert", "-G", "-h", "-i",
                     cli.file("%s\n%s\n%s\n%s\n" % (b64(os.urandom(32)), rp_id, credential_id, salt)), device.path)
        secret = base64.b64decode(out.splitlines()[-1])
        assert len(secret) == 32
        outputs.append(secret)
    assert outputs[0] == outputs[1]


def test_assert_resident_without_credential_id(cli, device):
    rp_id = "rk-assert-cli.example.com"
    make_credential(cli, device, rp_id, "-r")
    make_credential(cli, device, rp_id, "-r")
    out = cli.ok("fido2-assert", "-G", "-r", "-i", cli.file("%s\n%s\n" % (b64(os.urandom(32)), rp_id)), device.path)
    assert len(out.splitlines()) >= 10, "two assertions of 5 lines each expected:\n" + out


def test_u2f_credential_and_assertion(cli, device):
    rp_id = "u2f-cli.example.com"
    lines = make_credential(cli, device, rp_id, "-u")
    assert lines[2] == "fido-u2f"
    credential_id, key_path = verify_credential(cli, lines)
    cdh = b64(os.urandom(32))
    out = cli.ok("fido2-assert", "-G", "-u", "-p", "-i", cli.file("%s\n%s\n%s\n" % (cdh, rp_id, credential_id)),
                 device.path)
    cli.ok("fido2-assert", "-V", "-p", "-i", cli.file("\n".join(out.splitlines()[:4]) + "\n"), key_path, "es256")


def test_u2f_credential_used_through_ctap2(cli, device):
    rp_id = "u2f-ctap2-cli.example.com"
    lines = make_credential(cli, device, rp_id, "-u")
    credential_id, key_path = verify_credential(cli, lines)
    out = cli.ok("fido2-assert", "-G", "-p", "-i", cli.file("%s\n%s\n%s\n" % (b64(os.urandom(32)), rp_id,
                                                                             credential_id)), device.path)
    cli.ok("fido2-assert", "-V", "-p", "-i", cli.file("\n".join(out.splitlines()[:4]) + "\n"), key_path, "es256")


# ------------------------------------------------------------------------------------------------ negative

def test_verify_credential_with_other_client_data_hash_fails(cli, device):
    lines = make_credential(cli, device, "tamper-cli.example.com")
    lines[0] = b64(hashlib.sha256(b"something else").digest())
    cli.fails("fido2-cred", "-V", "-i", cli.file("\n".join(lines) + "\n"))


def test_verify_assertion_with_tampered_signature_fails(cli, device):
    rp_id = "tamper-assert-cli.example.com"
    credential_id, key_path = verify_credential(cli, make_credential(cli, device, rp_id))
    out = cli.ok("fido2-assert", "-G", "-i", cli.file("%s\n%s\n%s\n" % (b64(os.urandom(32)), rp_id, credential_id)),
                 device.path)
    assertion = out.splitlines()[:4]
    signature = bytearray(base64.b64decode(assertion[3]))
    signature[-2] ^= 0x01
    assertion[3] = b64(bytes(signature))
    cli.fails("fido2-assert", "-V", "-i", cli.file("\n".join(assertion) + "\n"), key_path, "es256")


def test_assert_for_another_rp_fails(cli, device):
    credential_id, _ = verify_credential(cli, make_credential(cli, device, "mine-cli.example.com"))
    result = cli.fails("fido2-assert", "-G", "-i", cli.file("%s\n%s\n%s\n" % (b64(os.urandom(32)),
                                                                             "theirs-cli.example.com", credential_id)),
                       device.path)
    assert "FIDO_ERR_NO_CREDENTIALS" in result.stderr or result.returncode == 1


def test_token_info_of_unreachable_device_fails(cli):
    cli.fails("fido2-token", "-I", "udp:127.0.0.1:9", timeout=60)


# ------------------------------------------------------------------------------------------------ PIN

def test_pin_set_change_and_use(cli, authenticators):
    pinned = authenticators.fresh("libfido2-pin-change")
    before = cli.ok("fido2-token", "-I", pinned.path)
    assert "noclientPin" in before.replace(" ", ""), before
    cli.ok("fido2-token", "-S", pinned.path, stdin="%s\n%s\n" % (PIN, PIN))
    out = cli.ok("fido2-token", "-I", pinned.path)
    assert "clientPin" in out and "noclientPin" not in out.replace(" ", "")
    again = cli.fails("fido2-token", "-S", pinned.path, stdin="%s\n%s\n" % (PIN, PIN))
    assert "FIDO_ERR_NOT_ALLOWED" in again.stderr, again.stderr
    new_pin = PIN + "x"
    cli.ok("fido2-token", "-C", pinned.path, stdin="%s\n%s\n%s\n" % (PIN, new_pin, new_pin))
    wrong = cli.fails("fido2-token", "-C", pinned.path, stdin="%s\n%s\n%s\n" % (PIN, PIN, PIN))
    assert "FIDO_ERR_PIN_INVALID" in wrong.stderr, wrong.stderr
    cli.ok("fido2-token", "-C", pinned.path, stdin="%s\n%s\n%s\n" % (new_pin, PIN, PIN))


def test_resident_credentials_listed_with_pin(cli, pinned):
    rp_id = "list-cli.example.com"
    lines = make_credential(cli, pinned, rp_id, "-r", "-v", stdin=PIN + "\n")
    assert lines[2] == "packed"
    rps = cli.ok("fido2-token", "-L", "-r", pinned.path, stdin=PIN + "\n")
    assert rp_id in rps
    credentials = cli.ok("fido2-token", "-L", "-k", rp_id, pinned.path, stdin=PIN + "\n")
    assert lines[4] in credentials, "credential id %s not listed:\n%s" % (lines[4], credentials)
    metadata = cli.ok("fido2-token", "-I", "-c", pinned.path, stdin=PIN + "\n")
    assert "existing rk(s): 1" in metadata, metadata


def test_resident_credential_needs_pin(cli, pinned):
    result = cli.fails("fido2-cred", "-M", "-r", "-q", "-i", cli.file(cred_input("nopin-cli.example.com")),
                       pinned.path)
    assert result.returncode == 1


def test_wrong_pin_is_rejected_by_make_credential(cli, pinned):
    result = cli.fails("fido2-cred", "-M", "-r", "-v", "-i", cli.file(cred_input("wrongpin-cli.example.com")),
                       pinned.path, stdin="not-the-pin\n")
    assert "FIDO_ERR_PIN_INVALID" in result.stderr, result.stderr
    make_credential(cli, pinned, "restore-cli.example.com", "-v", stdin=PIN + "\n")  # the right PIN restores the retries


def test_delete_resident_credential(cli, pinned):
    rp_id = "delete-cli.example.com"
    lines = make_credential(cli, pinned, rp_id, "-r", "-v", stdin=PIN + "\n")
    cli.ok("fido2-token", "-D", "-i", lines[4], pinned.path, stdin=PIN + "\n")
    rps = cli.run("fido2-token", "-L", "-r", pinned.path, stdin=PIN + "\n").stdout
    assert rp_id not in rps


def test_credential_and_assertion_with_user_verification(cli, pinned):
    rp_id = "uv-cli.example.com"
    lines = make_credential(cli, pinned, rp_id, "-v", stdin=PIN + "\n")
    credential_id, key_path = verify_credential(cli, lines, "-v")
    cdh = b64(os.urandom(32))
    out = cli.ok("fido2-assert", "-G", "-v", "-i", cli.file("%s\n%s\n%s\n" % (cdh, rp_id, credential_id)),
                 pinned.path, stdin=PIN + "\n")
    cli.ok("fido2-assert", "-V", "-v", "-i", cli.file("\n".join(out.splitlines()[:4]) + "\n"), key_path, "es256")


def test_assertion_without_uv_fails_uv_check(cli, pinned):
    rp_id = "nouv-cli.example.com"
    credential_id, key_path = verify_credential(cli, make_credential(cli, pinned, rp_id, "-v", stdin=PIN + "\n"), "-v")
    out = cli.ok("fido2-assert", "-G", "-i", cli.file("%s\n%s\n%s\n" % (b64(os.urandom(32)), rp_id, credential_id)),
                 pinned.path, stdin="")
    cli.fails("fido2-assert", "-V", "-v", "-i", cli.file("\n".join(out.splitlines()[:4]) + "\n"), key_path, "es256")


def test_reset_with_fido2_token(cli, authenticators):
    device = authenticators.fresh("libfido2-reset")
    rp_id = "reset-cli.example.com"
    make_credential(cli, device, rp_id, "-r")
    cli.ok("fido2-token", "-R", device.path)
    result = cli.fails("fido2-assert", "-G", "-r", "-i", cli.file("%s\n%s\n" % (b64(os.urandom(32)), rp_id)),
                       device.path)
    assert "FIDO_ERR_NO_CREDENTIALS" in result.stderr, result.stderr

//! TLS to the server, as libpq's `sslmode` asks for it: no TLS; TLS without
//! checking the certificate (`prefer`, `require`); the certificate signed by
//! a trusted root (`verify-ca`, or `require` with a root named, as libpq
//! does); signed and naming the host (`verify-full`). Roots come from
//! `sslrootcert` (a PEM file, or `system` for the system's store), else
//! `~/.postgresql/root.crt`.

use std::path::PathBuf;
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};

use super::conninfo::{ConnInfo, SslMode};

/// What goes wrong while setting TLS up.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    /// No root certificate to check the server against.
    #[error(
        "sslmode={mode} checks the server's certificate, but no root certificate was found at {path}: name one with sslrootcert=FILE (or sslrootcert=system)"
    )]
    NoRoot {
        /// The mode asked for.
        mode: &'static str,
        /// Where it was looked for.
        path: String,
    },
    /// The root file could not be read as PEM certificates.
    #[error("sslrootcert {path}: {message}")]
    BadRoot {
        /// The file.
        path: String,
        /// What was wrong.
        message: String,
    },
    /// The server's certificate was not accepted.
    #[error(
        "TLS: the certificate of the server at {target} is not trusted ({detail}): check sslrootcert, or the host name for sslmode=verify-full"
    )]
    Untrusted {
        /// `host:port`.
        target: String,
        /// What the check said.
        detail: String,
    },
    /// rustls refused the set-up.
    #[error("TLS set-up: {0}")]
    Rustls(#[from] rustls::Error),
}

/// The TLS configuration for `info`, or `None` for `sslmode=disable`.
pub fn client_config(info: &ConnInfo) -> Result<Option<ClientConfig>, TlsError> {
    // ring builds with the C compiler alone (aws-lc, rustls's other
    // provider, wants more tooling); rustls marks it deprecated only for
    // lacking post-quantum key exchange.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()?;
    let check = match (info.sslmode, &info.sslrootcert) {
        (SslMode::Disable, _) => return Ok(None),
        (SslMode::Prefer, _) | (SslMode::Require, None) => Check::Nothing,
        (SslMode::Require, Some(_)) | (SslMode::VerifyCa, _) => Check::Chain,
        (SslMode::VerifyFull, _) => Check::ChainAndName,
    };
    let verifier: Arc<dyn ServerCertVerifier> = match check {
        Check::Nothing => Arc::new(AnyCertificate(provider.signature_verification_algorithms)),
        Check::Chain | Check::ChainAndName => {
            let roots = Arc::new(roots(info)?);
            let inner = WebPkiServerVerifier::builder_with_provider(roots, provider)
                .build()
                .map_err(|e| TlsError::Rustls(rustls::Error::General(e.to_string())))?;
            Arc::new(Signed {
                inner,
                check_name: check == Check::ChainAndName,
            })
        }
    };
    let config = builder
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Ok(Some(config))
}

/// How much of the server's certificate is checked.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Check {
    Nothing,
    Chain,
    ChainAndName,
}

/// The trusted roots `info` names.
fn roots(info: &ConnInfo) -> Result<RootCertStore, TlsError> {
    let mut store = RootCertStore::empty();
    let mode = super::conninfo::ssl_mode_name(info.sslmode);
    if info.sslrootcert.as_deref() == Some("system") {
        let found = rustls_native_certs::load_native_certs();
        let (added, _) = store.add_parsable_certificates(found.certs);
        if added == 0 {
            return Err(TlsError::NoRoot {
                mode,
                path: "the system's certificate store".to_owned(),
            });
        }
        return Ok(store);
    }
    let path = match &info.sslrootcert {
        Some(p) => PathBuf::from(p),
        None => std::env::var_os("HOME")
            .map(PathBuf::from)
            .unwrap_or_default()
            .join(".postgresql/root.crt"),
    };
    let shown = path.display().to_string();
    if !path.exists() {
        return Err(TlsError::NoRoot { mode, path: shown });
    }
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(&path)
        .and_then(|it| it.collect::<Result<_, _>>())
        .map_err(|e| TlsError::BadRoot {
            path: shown.clone(),
            message: e.to_string(),
        })?;
    let (added, _) = store.add_parsable_certificates(certs);
    if added == 0 {
        return Err(TlsError::BadRoot {
            path: shown,
            message: "holds no certificate".to_owned(),
        });
    }
    Ok(store)
}

/// Accepts any certificate, checking only that the handshake is signed by
/// it (`sslmode=prefer` and `require` without a root, as in libpq).
#[derive(Debug)]
struct AnyCertificate(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for AnyCertificate {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_schemes()
    }
}

/// The certificate must chain to a trusted root; with `check_name`, it
/// must also name the host (`verify-full`).
#[derive(Debug)]
struct Signed {
    inner: Arc<WebPkiServerVerifier>,
    check_name: bool,
}

impl ServerCertVerifier for Signed {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) if !self.check_name => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

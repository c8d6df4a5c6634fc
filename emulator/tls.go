package emulator

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"time"
)

// selfSignedValidity is how long a self-signed certificate is valid: one CI run or demo needs
// far less, and a short life limits what a copied key could do.
const selfSignedValidity = 30 * 24 * time.Hour

// SelfSignedCert makes a certificate and key for serving the emulator over https without a
// certificate authority. hosts are the DNS names and IP addresses clients reach it by (for a
// CI service container its service name, such as "emulator"). certPEM is the certificate for
// clients to trust (the provider's ca_cert_file); the key never leaves memory.
func SelfSignedCert(hosts []string) (cert tls.Certificate, certPEM []byte, err error) {
	if len(hosts) == 0 {
		return tls.Certificate{}, nil, errors.New("self-signed certificate: no host names")
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 128))
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "tencentlive-emulator " + hosts[0]},
		NotBefore:             now.Add(-time.Hour), // tolerate a client clock slightly behind
		NotAfter:              now.Add(selfSignedValidity),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true, // its own authority, so clients can add it as a root
	}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, fmt.Errorf("self-signed certificate: %w", err)
	}
	certPEM = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, certPEM, nil
}

// Package storage provides the platform's stateful, rarely-changing
// resources: customer-managed KMS keys (and, as the storage room grows, EFS
// and backup). They live in their own stack so the cluster can be rebuilt
// without touching data.
//
// Practices encoded: keys are customer managed, rotate yearly, and are
// retained when removed from the app (deleting a key destroys every secret
// and volume it encrypts).
package storage

// Package all imports every list format so that they register themselves.
package all

package io.trustspace.app.did;

/** Who this node is on the network: its public base URL and the did:web derived from it. */
public record NodeIdentity(String name, String publicUrl, String did) {

    public static NodeIdentity of(String name, String publicUrl) {
        return new NodeIdentity(name, publicUrl, DidWeb.forBaseUrl(publicUrl));
    }
}

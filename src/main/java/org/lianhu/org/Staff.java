package org.lianhu.org;

/** A person of the organisation and the group (grid, community, street, office) they work in. */
public record Staff(String userId, String name, String phone, String groupId) {}

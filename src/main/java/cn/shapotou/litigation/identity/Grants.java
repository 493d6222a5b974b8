package cn.shapotou.litigation.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/** Idempotent grants: an existing authorization gains the missing permissions, nothing is granted twice. */
@Component
public class Grants {

    private final AuthorizationService authorizations;

    public Grants(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    public void toGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
        grant(groupId, null, resource, resourceId, permissions);
    }

    public void toUser(String userId, Resource resource, String resourceId, Permission... permissions) {
        grant(null, userId, resource, resourceId, permissions);
    }

    private void grant(String groupId, String userId, Resource resource, String resourceId, Permission... permissions) {
        var query = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(resource).resourceId(resourceId);
        Authorization auth = (groupId != null ? query.groupIdIn(groupId) : query.userIdIn(userId)).singleResult();
        boolean changed = false;
        if (auth == null) {
            auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            auth.setGroupId(groupId);
            auth.setUserId(userId);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
            changed = true;
        }
        for (Permission permission : permissions) {
            if (!auth.isPermissionGranted(permission)) {
                auth.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(auth);
        }
    }
}

package eu.clustercalls.security;

/**
 * The attacks through the webapps' engine API, which Tasklist and Cockpit call: signed in once per user on Tasklist's
 * sign-in, then the session cookie and the webapps' CSRF token on every request, as the browser sends them.
 */
class WebappsEngineDoorTest extends EngineDoorAttacks {

    @Override
    Door openDoor() {
        return new WebappsDoor(port, engine.getName());
    }
}
